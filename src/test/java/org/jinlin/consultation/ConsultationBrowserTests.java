package org.jinlin.consultation;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.internal.DemandRaising;
import org.jinlin.demands.internal.RaiseDemand;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * junmen runs a consultation on a public matter: the demand is made a public matter on the desk, its topic opens,
 * junmen fixes it as a deliberation council, books one of the community's consultation rooms through the spaces
 * module (a free hour offered on the topic page; spaces answers by event), records the meeting and publishes the
 * decision, which appears with the room and time on the community's public board signed out (reached from the
 * demands board); the demand moves on to handling.
 */
class ConsultationBrowserTests extends BrowserTest {

	static final String DECISION = "同意在小区北门内侧设置垃圾分类亭，两周内完成";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemandRaising raising;

	@Autowired
	Territories territories;

	record Principal(Actor actor) implements ActorPrincipal {
	}

	@Test
	void junmenRunsAConsultationOnAPublicMatterToAPublishedDecision() throws Exception {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		Actor actor = new Actor(1L, "junmen", Set.of(Role.COMMUNITY_WORKER), junmen.id(), junmen.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new Principal(actor), null,
				Role.COMMUNITY_WORKER.authority()));
		long demandId;
		try {
			long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
			demandId = raising.raise(new RaiseDemand("sanitation", "垃圾分类亭选址，居民意见不一", building, null, null, null,
					RaiseChannel.PHONE_CALL, null, "李大爷", "13900004444", false, Map.of())).id();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(30));

		signIn("junmen");
		chrome.get(url("/demands/" + demandId));
		click(By.cssSelector("#public-matter summary"));
		chrome.findElement(By.id("public-matter-note")).sendKeys("涉及全体居民，转社区协商");
		click(By.id("public-matter-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consultation-link")));

		// the topic opens after the commit (a listener): follow the link until it lands on the topic
		wait.until(d -> {
			chrome.get(url("/consultation/topics/by-demand/" + demandId));
			return !chrome.findElements(By.id("topic-title")).isEmpty();
		});
		assertThat(chrome.findElement(By.id("topic-status")).getText()).isEqualTo("待确定");
		screenshot("consultation-topic-new");

		new Select(chrome.findElement(By.id("arrange-form"))).selectByValue("COUNCIL");
		chrome.findElement(By.id("arrange-venue")).sendKeys("军门社区协商议事室");
		chrome.findElement(By.id("participant-name-0")).sendKeys("林建华");
		chrome.findElement(By.id("participant-role-0")).sendKeys("居民代表");
		click(By.id("arrange-submit"));
		wait.until(ExpectedConditions.textToBe(By.id("topic-status"), "议事中"));

		// the room: a free hour of one of the community's consultation rooms, booked by spaces after the commit
		long topicId = Long.parseLong(chrome.getCurrentUrl().replaceAll(".*/consultation/topics/(\\d+).*", "$1"));
		Select slot = new Select(chrome.findElement(By.id("room-slot")));
		slot.selectByIndex(Math.min(30, slot.getOptions().size() - 1));
		String room = slot.getFirstSelectedOption().getText().split(" · ")[0];
		new Select(chrome.findElement(By.id("room-hours"))).selectByValue("1");
		click(By.id("room-submit"));
		wait.until(d -> {
			chrome.navigate().refresh();
			return !chrome.findElements(By.id("topic-room-status")).isEmpty()
					&& chrome.findElement(By.id("topic-room-status")).getText().equals("已预约");
		});
		assertThat(chrome.findElement(By.id("topic-room")).getText()).startsWith(room);
		assertThat(jdbc.sql("SELECT status FROM space_booking WHERE reference = ?").param("consultation:" + topicId)
			.query(String.class).list()).containsExactly("CONFIRMED");
		screenshot("consultation-room-booked");

		chrome.findElement(By.id("sitting-expected")).sendKeys("15");
		chrome.findElement(By.id("sitting-present")).sendKeys("12");
		chrome.findElement(By.id("sitting-for")).sendKeys("10");
		chrome.findElement(By.id("sitting-against")).sendKeys("1");
		chrome.findElement(By.id("sitting-abstain")).sendKeys("1");
		chrome.findElement(By.id("sitting-minutes")).sendKeys("议事会讨论分类亭选址");
		chrome.findElement(By.id("sitting-decision")).sendKeys(DECISION);
		click(By.id("sitting-submit"));
		wait.until(ExpectedConditions.textToBe(By.id("topic-status"), "待公开决议"));
		screenshot("consultation-topic-decided");

		click(By.id("publish-decision"));
		wait.until(ExpectedConditions.textToBe(By.id("topic-status"), "决议已公开"));

		// signed out: the demands board links to the consultation board, which shows the decision
		chrome.manage().deleteAllCookies();
		chrome.get(url("/public/board/350102004001"));
		click(By.id("consultation-board-link"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
		assertThat(chrome.getCurrentUrl()).endsWith("/public/consultation/350102004001");
		assertThat(chrome.findElements(By.cssSelector(".jl-decision"))).anySatisfy(e -> assertThat(e.getText()).isEqualTo(DECISION));
		assertThat(chrome.findElement(By.cssSelector("#topic-" + topicId + " .jl-room")).getText()).startsWith(room);
		screenshot("consultation-public-board");

		// the decision went back to the demand: recorded in its history, handling started
		wait.until(d -> !"DELIBERATING".equals(jdbc.sql("SELECT status FROM demand WHERE id = ?").param(demandId)
			.query(String.class).single()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'DECISION_PUBLISHED'")
			.param(demandId).query(Long.class).single()).isEqualTo(1);
	}
}
