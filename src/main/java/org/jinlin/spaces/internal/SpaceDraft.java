package org.jinlin.spaces.internal;

import java.util.List;

/**
 * A space as a form or the API sends it, before validation. Times as {@code HH:mm}; days as ISO numbers (1 =
 * Monday); {@code whoMayBook} of RESIDENTS, UNITS, STAFF, EVERYONE; the quota all three fields or none.
 */
public record SpaceDraft(String name, String community, String address, String description, List<String> whoMayBook,
		Boolean approvalRequired, Integer minMinutes, Integer maxMinutes, Integer noticeMinutes,
		Integer cancelDeadlineMinutes, Integer bufferMinutes, String quotaMeasure, String quotaPeriod, Integer quotaLimit,
		String opens, String closes, List<Integer> openDays, Integer version) {
}
