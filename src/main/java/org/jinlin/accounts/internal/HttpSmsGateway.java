package org.jinlin.accounts.internal;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The SMS provider in {@code prod}: a POST of {@code {"phone", "text"}} as JSON to {@code jinlin.sms.url}, with
 * {@code Authorization: Bearer <jinlin.sms.token>}. The application refuses to start in {@code prod} without a URL, so
 * residents are never told a code was sent when nothing can send it.
 */
@Component
@Profile("prod")
class HttpSmsGateway implements SmsGateway {

	private final RestClient client;

	HttpSmsGateway(@Value("${jinlin.sms.url:}") String url, @Value("${jinlin.sms.token:}") String token) {
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("jinlin.sms.url is not set: the prod profile sends one-time codes through "
					+ "an SMS provider (POST {phone, text} as JSON; token in jinlin.sms.token)");
		}
		RestClient.Builder builder = RestClient.builder().baseUrl(url.strip());
		if (token != null && !token.isBlank()) {
			builder.defaultHeader("Authorization", "Bearer " + token.strip());
		}
		this.client = builder.build();
	}

	@Override
	public void send(String phone, String text) {
		try {
			client.post().contentType(MediaType.APPLICATION_JSON).body(Map.of("phone", phone, "text", text)).retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException e) {
			// never the phone or the text
			throw new IllegalStateException("The SMS provider refused the message: " + e.getClass().getSimpleName());
		}
	}
}
