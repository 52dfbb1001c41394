package io.coreswarm.testsupport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Adds {@code Authorization: Bearer <the tests' token>} to a rest-assured request that has no
 * {@code Authorization} header of its own: a test that sends another one (a wrong token) keeps it.
 */
public final class BearerTokenFilter implements Filter {
    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", TestApiToken.HEADER);
        }
        return context.next(request, response);
    }
}
