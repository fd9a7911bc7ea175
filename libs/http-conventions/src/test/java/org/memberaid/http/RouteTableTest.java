package org.memberaid.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Path("/api/things")
    public static class Things {
        @GET
        public void list() {
        }

        @POST
        public void create() {
        }

        @GET
        @Path("/{id}")
        public void read() {
        }

        @PUT
        @Path("{id}/")
        public void replace() {
        }
    }

    @Path("/api/things/{id}")
    public static class ThingLifecycle {
        @POST
        @Path("/transfer")
        public void transfer() {
        }

        @GET
        @Path("/parts/{part: [0-9]{4}}")
        public void part() {
        }
    }

    @Path("/api/things/import")
    public static class ThingImport {
        @POST
        public void importAll() {
        }
    }

    /** Not a resource: no @Path. */
    public static class Helper {
        @PATCH
        public void ignored() {
        }
    }

    private final RouteTable routes = RouteTable.of(List.of(Things.class, ThingLifecycle.class, ThingImport.class,
            Helper.class));

    @Test
    void listsTheMethodsOfThePathWithHeadForGetAndOptionsAlways() {
        assertThat(routes.allowed("/api/things")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
        assertThat(routes.allowed("api/things/42/")).containsExactly("GET", "HEAD", "OPTIONS", "PUT");
        assertThat(routes.allowed("/api/things/42/transfer")).containsExactly("OPTIONS", "POST");
    }

    @Test
    void takesTheMostSpecificTemplateAsJaxRsDoes() {
        assertThat(routes.allowed("/api/things/import")).containsExactly("OPTIONS", "POST");
    }

    @Test
    void honoursAParametersOwnRegex() {
        assertThat(routes.allowed("/api/things/42/parts/2026")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(routes.allowed("/api/things/42/parts/26")).isEmpty();
    }

    @Test
    void knowsNothingOfPathsNoResourceHas() {
        assertThat(routes.allowed("/api/nothing")).isEmpty();
        assertThat(routes.allowed("/api/things/42/transfer/more")).isEmpty();
        assertThat(routes.allowed("/")).isEmpty();
    }
}
