package org.jinlin.support;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The demo accounts of the README, for tests: their shared password, and MockMvc sign-in as one of them
 * ({@code mvc.perform(get(...).with(DemoAccounts.as("junmen")))}).
 */
public final class DemoAccounts {

	/** The password of every demo account. */
	public static final String PASSWORD = "jinlin-demo";

	/** The demo Open311 API key (whole city). */
	public static final String OPEN311_KEY = "jinlin-demo-open311";

	/** The demo alarm gateway's API key (purpose DEVICE, whole city). */
	public static final String DEVICE_KEY = "jinlin-demo-device";

	/** The demo canteen's counter terminal key (purpose CANTEEN, canteen1's canteen in 东街街道). */
	public static final String CANTEEN_KEY = "jinlin-demo-canteen";

	public static final String ADMIN = "admin";

	public static final String CITY = "city";

	public static final String DISTRICT = "gulou";

	public static final String STREET = "dongjie";

	public static final String COMMUNITY = "junmen";

	public static final String GRID = "junmen-grid1";

	public static final String RESIDENT = "resident1";

	public static final String VOLUNTEER = "volunteer1";

	public static final String MEMBER = "member1";

	public static final String CANTEEN = "canteen1";

	private DemoAccounts() {
	}

	/** HTTP Basic as the demo account with this user name. */
	public static RequestPostProcessor as(String username) {
		return httpBasic(username, PASSWORD);
	}

	/** The request comes from this source address ({@code getRemoteAddr()}), as sign-in throttling sees it. */
	public static RequestPostProcessor from(String source) {
		return r -> {
			r.setRemoteAddr(source);
			return r;
		};
	}

	/** A sign-in through the login form (with its CSRF token) from this source address. */
	public static MockHttpServletRequestBuilder signIn(String username, String password, String source) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(source));
	}
}
