package org.jinlin.quality.internal;

import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.CertificationExpired;
import org.jinlin.quality.CertificationLapsingNoticed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder before a certificate lapses, run daily by {@code CertificationTimers} for a given day: each
 * certificate entering its last {@value CertificationRules#LAPSING_DAYS} days is noticed once
 * ({@link CertificationLapsingNoticed}), and each past its last day is marked expired once
 * ({@link CertificationExpired}). Marking is conditional, so two instances never notice the same certificate twice.
 */
@Service
@RequiredArgsConstructor
public class CertificationReminders {

	private static final Logger log = LoggerFactory.getLogger(CertificationReminders.class);

	private final CertificationRepository repository;

	private final ApplicationEventPublisher events;

	/** @return how many certificates were noticed as lapsing or expired by this call */
	@Transactional
	public int remind(LocalDate today) {
		int noticed = 0;
		for (var a : repository.lapsingUnnoticed(today, today.plusDays(CertificationRules.LAPSING_DAYS))) {
			if (repository.noticeLapsing(a.id())) {
				events.publishEvent(new CertificationLapsingNoticed(a.id(), a.communityCode(), a.levelCode(),
						a.certificateNumber(), a.validUntil()));
				noticed++;
			}
		}
		for (var a : repository.expiredUnnoticed(today)) {
			if (repository.noticeExpired(a.id())) {
				events.publishEvent(new CertificationExpired(a.id(), a.communityCode(), a.levelCode(),
						a.certificateNumber(), a.validUntil()));
				noticed++;
			}
		}
		if (noticed > 0) {
			log.info("Certification reminders of {}: {} certificates lapsing or expired", today, noticed);
		}
		return noticed;
	}
}
