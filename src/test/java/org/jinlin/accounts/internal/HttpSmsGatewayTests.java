package org.jinlin.accounts.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod SMS provider: refuses to exist without a URL, posts phone and text with the token, never leaks them. */
class HttpSmsGatewayTests {

	@Test
	void withoutAUrlTheApplicationRefusesToStart() {
		assertThatThrownBy(() -> new HttpSmsGateway(" ", "token")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("jinlin.sms.url is not set");
	}

	@Test
	void postsPhoneAndTextAsJsonWithTheTokenAndFailsWithoutNamingThem() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		AtomicReference<String> body = new AtomicReference<>();
		AtomicReference<String> auth = new AtomicReference<>();
		server.createContext("/sms", exchange -> {
			body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.createContext("/down", exchange -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			new HttpSmsGateway(base + "/sms", "secret").send("13800138000", "验证码 123456");
			assertThat(body.get()).contains("\"phone\":\"13800138000\"").contains("验证码 123456");
			assertThat(auth.get()).isEqualTo("Bearer secret");
			assertThatThrownBy(() -> new HttpSmsGateway(base + "/down", "").send("13800138000", "验证码 123456"))
				.isInstanceOf(IllegalStateException.class)
				.message().doesNotContain("13800138000").doesNotContain("123456");
		}
		finally {
			server.stop(0);
		}
	}
}
