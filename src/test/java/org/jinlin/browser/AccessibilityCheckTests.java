package org.jinlin.browser;

import org.jinlin.support.AccessibilityCheck;
import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The axe-core check of the browser journeys fails on a serious violation and passes the real sign-in page. */
class AccessibilityCheckTests extends BrowserTest {

	@Test
	void theCheckFailsOnACriticalViolationAndPassesTheSignInPage() {
		chrome.get(url("/login"));
		assertThatCode(() -> AccessibilityCheck.assertAccessible(chrome)).doesNotThrowAnyException();

		// An image without a text alternative and a button without a name: both are critical in axe-core.
		chrome.executeScript("""
				const img = document.createElement('img'); img.src = '/favicon.ico'; img.id = 'no-alt';
				const button = document.createElement('button'); button.id = 'no-name';
				document.querySelector('main').append(img, button);""");
		assertThatThrownBy(() -> AccessibilityCheck.assertAccessible(chrome)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt")
			.hasMessageContaining("button-name")
			.hasMessageContaining("/login");

		chrome.navigate().refresh();
	}
}
