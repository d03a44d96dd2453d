package org.unmixer.server;

/** One route's handler: a request in, a response out; problems are thrown as {@link HttpProblem}s. */
@FunctionalInterface
interface Endpoint {
    Response handle(Request request);
}
