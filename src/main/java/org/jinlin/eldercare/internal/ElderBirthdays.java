package org.jinlin.eldercare.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.internal.ElderViews.UpcomingBirthday;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Birthdays coming up among the elders the caller may see, with whether a birthday-visit task is open. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ElderBirthdays {

	private final ElderRepository repository;

	private final CareRecordRepository records;

	private final ElderInput input;

	/** Birthdays in the next {@code days} days (7 or 30), soonest first, with whether a birthday task is open. */
	public List<UpcomingBirthday> upcomingBirthdays(Integer days) {
		Actor actor = CurrentActor.require();
		ElderAccess.Scope scope = ElderAccess.scope(actor);
		if (days == null || (days != 7 && days != 30)) {
			throw input.fieldError("days", "eldercare.error.days", "days must be 7 or 30");
		}
		LocalDate today = ElderProfiles.today();
		LocalDate until = today.plusDays(days);
		java.util.Set<Integer> months = new java.util.HashSet<>(List.of(today.getMonthValue(),
				today.plusDays(days / 2).getMonthValue(), until.getMonthValue()));
		List<UpcomingBirthday> list = new ArrayList<>();
		for (ElderRepository.Stored e : repository.bornIn(scope, months)) {
			LocalDate next = CareRules.nextBirthday(e.birthDate(), today);
			if (!next.isAfter(until)) {
				boolean open = records.openTasks(e.id(), CareTasks.BIRTHDAY_VISIT).stream()
					.anyMatch(t -> t.taskYear() == next.getYear());
				list.add(new UpcomingBirthday(e.id(), e.name(), e.communityCode(), e.addressLabel(), next,
						next.getYear() - e.birthDate().getYear(), ChronoUnit.DAYS.between(today, next), open));
			}
		}
		list.sort(java.util.Comparator.comparing(UpcomingBirthday::birthday).thenComparing(UpcomingBirthday::name));
		return list;
	}
}
