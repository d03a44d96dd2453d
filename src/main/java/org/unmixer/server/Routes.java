package org.unmixer.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's routes: exact paths, one endpoint per method. Looking a request up gives the
 * endpoint, a 404 for an unknown path or a 405 with {@code Allow} for a known path and another
 * method. The table is also what the OpenAPI document is checked against.
 */
final class Routes {
    /** One path and method. */
    record Route(String method, String path) {
    }

    private final Map<String, Map<String, Endpoint>> byPath = new LinkedHashMap<>();

    Routes add(String method, String path, Endpoint endpoint) {
        if (byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, endpoint) != null) {
            throw new IllegalArgumentException(method + " " + path + " added twice");
        }
        return this;
    }

    Endpoint find(String method, String path) {
        Map<String, Endpoint> methods = byPath.get(path);
        if (methods == null) {
            throw HttpProblem.notFound(path);
        }
        Endpoint endpoint = methods.get(method);
        if (endpoint == null) {
            throw HttpProblem.methodNotAllowed(method, path, methods.keySet());
        }
        return endpoint;
    }

    List<Route> all() {
        List<Route> routes = new ArrayList<>();
        byPath.forEach((path, methods) -> methods.keySet().forEach(m -> routes.add(new Route(m, path))));
        return routes;
    }
}
