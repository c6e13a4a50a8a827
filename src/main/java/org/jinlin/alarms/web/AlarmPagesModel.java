package org.jinlin.alarms.web;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.jinlin.alarms.internal.AlarmStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every alarm page's model holds: the city's zone for times, and the badge colour of each status. */
@ControllerAdvice(assignableTypes = { AlarmPages.class, DeskPages.class, DutyPages.class, HelpPages.class,
		ReportPages.class })
class AlarmPagesModel {

	@ModelAttribute("zone")
	ZoneId zone() {
		return AlarmPagesSupport.ZONE;
	}

	/** Bootstrap badge class by alarm status name. */
	@ModelAttribute("badges")
	Map<String, String> badges() {
		Map<String, String> m = new HashMap<>();
		for (AlarmStatus s : AlarmStatus.values()) {
			m.put(s.name(), AlarmPagesSupport.badge(s));
		}
		return m;
	}
}
