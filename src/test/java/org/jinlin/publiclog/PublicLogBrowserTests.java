package org.jinlin.publiclog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jinlin.demands.DemandClosed;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.Rating;
import org.jinlin.publiclog.internal.LogIntegration;
import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed out, a resident opens a closed demand on the public board and presses "verify": her browser hashes the
 * entry, checks the checkpoint's Ed25519 signature against the published key and follows the inclusion proof to the
 * signed root (WebCrypto), and says so in plain words. Then the log's own page verifies one of its leaves.
 */
class PublicLogBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	LogIntegration integration;

	@Test
	void aClosedDemandOnThePublicBoardIsVerifiedInTheBrowser() throws Exception {
		var d = jdbc.sql("""
				SELECT d.id, d.territory_path, d.community_id, c.code, d.raised_at FROM demand d
				JOIN demand_category c ON c.id = d.category_id
				WHERE d.status = 'CLOSED' ORDER BY d.id FETCH FIRST 1 ROWS ONLY""")
			.query((rs, n) -> new DemandClosed(rs.getLong(1), rs.getString(2), rs.getLong(3), null, Rating.SATISFIED,
					false, java.time.Instant.now(), null, rs.getString(4), Outcome.RESOLVED,
					rs.getTimestamp(5).toInstant(), null))
			.single();
		tx.executeWithoutResult(s -> events.publishEvent(d));
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM log_pending WHERE source_key = :k) + (SELECT COUNT(*) FROM log_leaf WHERE source_key = :k)""")
			.param("k", "demand.closed:" + d.demandId()).query(Long.class).single() == 1);
		integration.integrateAll();

		chrome.manage().deleteAllCookies();
		chrome.get(url("/public/board/demands/" + d.demandId()));
		var box = chrome.findElement(By.id("demand-log"));
		click(By.cssSelector("#demand-log [data-log-verify]"));
		var result = box.findElement(By.cssSelector("[data-log-result]"));
		new WebDriverWait(chrome, Duration.ofSeconds(30)).until(x -> result.getText().startsWith("已验证"));
		assertThat(result.getText()).contains("日志签名有效");
		screenshot("public-log-verified-on-board");

		chrome.get(url("/public/log"));
		assertThat(chrome.findElement(By.id("log-size")).getText()).isNotEqualTo("0");
		var first = chrome.findElement(By.cssSelector("#log-leaves [data-log-box]"));
		click(By.cssSelector("#log-leaves [data-log-verify]"));
		var leafResult = first.findElement(By.cssSelector("[data-log-result]"));
		new WebDriverWait(chrome, Duration.ofSeconds(30)).until(x -> leafResult.getText().startsWith("已验证"));
		screenshot("public-log-page");
	}
}
