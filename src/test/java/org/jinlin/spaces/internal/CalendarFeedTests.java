package org.jinlin.spaces.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written iCalendar parses with ical4j: escaping, folding of long Chinese lines, UTC times. */
class CalendarFeedTests {

	@Test
	void parsesWithARealICalendarLibrary() throws Exception {
		String summary = "近邻空间 · 邻里吧；议事, 协商\\反斜杠\n第二行" + "很长的标题".repeat(20);
		OffsetDateTime start = OffsetDateTime.parse("2030-01-10T19:00+08:00");
		String ics = CalendarFeed.write("军门社区近邻空间",
				List.of(new CalendarFeed.Event("a@jinlin", start, start.plusMinutes(90), summary, null, "军门社区", false),
						new CalendarFeed.Event("b@jinlin", start.plusDays(1), start.plusDays(1).plusHours(1), "绿色空间",
								"说明", null, true)),
				OffsetDateTime.parse("2030-01-01T00:00Z"));
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).hasSize(2);
		assertThat(events.get(0).<Property>getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(summary);
		assertThat(events.get(0).<Property>getProperty(Property.DTSTART).orElseThrow().getValue())
			.isEqualTo("20300110T110000Z");
		assertThat(events.get(1).<Property>getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("TENTATIVE");
	}
}
