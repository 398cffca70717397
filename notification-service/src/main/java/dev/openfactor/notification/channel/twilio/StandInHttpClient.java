package dev.openfactor.notification.channel.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/** Sends twilio-java's requests to a stand-in server instead of api.twilio.com (tests, benchmarks). */
final class StandInHttpClient extends NetworkHttpClient {

    private final String endpoint;

    StandInHttpClient(String endpoint) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl().replaceFirst("^https://[^/]+", endpoint);
        Request copy = new Request(request.getMethod(), url);
        request.getPostParams().forEach((k, values) -> values.forEach(v -> copy.addPostParam(k, v)));
        request.getQueryParams().forEach((k, values) -> values.forEach(v -> copy.addQueryParam(k, v)));
        request.getHeaderParams().forEach((k, values) -> values.forEach(v -> copy.addHeaderParam(k, v)));
        if (request.requiresAuthentication()) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        return super.makeRequest(copy);
    }
}
