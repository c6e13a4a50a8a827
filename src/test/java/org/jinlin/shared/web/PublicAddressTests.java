package org.jinlin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The public address of a page: the configured base URL, or the request's scheme, host and port. */
class PublicAddressTests {

	@AfterEach
	void reset() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theConfiguredBaseWins() {
		assertThat(new PublicAddress("https://jinlin.example.gov.cn/").of("/certificates/JL-1"))
			.isEqualTo("https://jinlin.example.gov.cn/certificates/JL-1");
	}

	@Test
	void withoutOneTheRequestsOriginIsUsed() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setScheme("https");
		request.setServerName("jinlin.test");
		request.setServerPort(8443);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(new PublicAddress("").of("/certificates/JL-1")).isEqualTo("https://jinlin.test:8443/certificates/JL-1");
	}

	@Test
	void aBaseThatIsNoWebAddressIsRefusedAtStart() {
		assertThatThrownBy(() -> new PublicAddress("javascript:alert(1)")).isInstanceOf(IllegalStateException.class);
	}
}
