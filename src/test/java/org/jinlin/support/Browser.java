package org.jinlin.support;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver} (with Debian's
 * {@code fonts-noto-cjk}, so screenshots show Chinese). The driver path is given explicitly so Selenium never tries
 * to download a browser or driver. Every page opened with {@code get} is checked with axe-core
 * ({@link AccessibilityCheck}).
 */
public final class Browser {

	private Browser() {
	}

	public static ChromeDriver start() {
		String binary = System.getProperty("jinlin.chromium", "/usr/bin/chromium");
		String driver = System.getProperty("jinlin.chromedriver", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=412,915", "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new CheckedChromeDriver(service, options);
		chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return chrome;
	}

	/** A Chromium whose every {@code get} ends with an axe-core check of the page it opened. */
	static final class CheckedChromeDriver extends ChromeDriver {

		CheckedChromeDriver(ChromeDriverService service, ChromeOptions options) {
			super(service, options);
		}

		@Override
		public void get(String url) {
			super.get(url);
			AccessibilityCheck.assertAccessible(this);
		}
	}
}
