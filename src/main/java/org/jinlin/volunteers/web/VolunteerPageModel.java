package org.jinlin.volunteers.web;

import java.time.ZoneId;

import org.jinlin.volunteers.internal.VolunteerTimes;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every volunteers page reads: the time zone it shows times in (Fuzhou). Errors are the shared resolver's. */
@ControllerAdvice(assignableTypes = { ActivityPages.class, VolunteerPages.class, CertificatePages.class })
class VolunteerPageModel {

	@ModelAttribute("zone")
	ZoneId zone() {
		return VolunteerTimes.ZONE;
	}
}
