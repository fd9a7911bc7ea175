package org.memberaid.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods each path of the API answers, read once from the resource classes' JAX-RS
 * annotations: what OPTIONS and the {@code Allow} header of a 405 list. A path takes the methods
 * of the most specific templates it matches (the most literal characters, then the most
 * parameters), as JAX-RS picks among its resources: {@code /api/members/import} is not
 * {@code /api/members/{id}}. GET brings HEAD, and OPTIONS is always answered.
 */
public final class RouteTable {

    private record Route(Pattern pattern, int literals, int parameters, Set<String> methods) {

        boolean beats(Route other) {
            return literals != other.literals ? literals > other.literals : parameters > other.parameters;
        }

        boolean ties(Route other) {
            return literals == other.literals && parameters == other.parameters;
        }
    }

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes;
    }

    /** The routes of these resource classes (those without {@code @Path} are skipped). */
    public static RouteTable of(Collection<Class<?>> resources) {
        Map<String, Set<String>> methodsByTemplate = new LinkedHashMap<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod == null) {
                    continue;
                }
                Path own = method.getAnnotation(Path.class);
                String template = normalize(root.value() + "/" + (own == null ? "" : own.value()));
                methodsByTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(httpMethod);
            }
        }
        List<Route> routes = new ArrayList<>();
        methodsByTemplate.forEach((template, methods) -> routes.add(route(template, methods)));
        routes.sort(Comparator.comparingInt(Route::literals).thenComparingInt(Route::parameters).reversed());
        return new RouteTable(List.copyOf(routes));
    }

    /**
     * The methods {@code path} answers, sorted (e.g. GET, HEAD, OPTIONS, PUT); empty when no
     * route matches it.
     */
    public SortedSet<String> allowed(String path) {
        String normalized = normalize(path);
        SortedSet<String> allowed = new TreeSet<>();
        Route best = null;
        for (Route route : routes) {
            if (best != null && !route.ties(best)) {
                break;
            }
            if (route.pattern().matcher(normalized).matches()) {
                best = route;
                allowed.addAll(route.methods());
            }
        }
        if (best == null) {
            return allowed;
        }
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        allowed.add(HttpMethod.OPTIONS);
        return allowed;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /**
     * A template as a pattern: each literal run quoted, {@code {name}} one segment,
     * {@code {name: regex}} its regex (which may hold braces of its own).
     */
    private static Route route(String template, Set<String> methods) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        int parameters = 0;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                open = template.length();
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
                literals += open - i;
            }
            if (open == template.length()) {
                break;
            }
            int depth = 1;
            int close = open + 1;
            while (close < template.length() && depth > 0) {
                char c = template.charAt(close++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            String variable = template.substring(open + 1, close - 1);
            int colon = variable.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).strip()).append(')');
            parameters++;
            i = close;
        }
        return new Route(Pattern.compile(regex.toString()), literals, parameters, Set.copyOf(methods));
    }

    /** One leading slash, no trailing one, no doubled ones. */
    private static String normalize(String path) {
        String single = ("/" + path).replaceAll("/{2,}", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
