package org.memberaid.http;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The service's {@link RouteTable}, made once, on first use, from its resource classes: Quarkus
 * REST makes every resource class a bean, so the bean manager lists them all, the shared
 * libraries' included.
 */
public class ApiRoutes {

    @Produces
    @Singleton
    RouteTable routes(BeanManager beans) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            resources.add(bean.getBeanClass());
        }
        return RouteTable.of(resources);
    }
}
