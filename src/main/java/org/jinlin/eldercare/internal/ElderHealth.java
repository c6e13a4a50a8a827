package org.jinlin.eldercare.internal;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.ElderCareDataViewed;
import org.jinlin.eldercare.internal.ElderViews.Health;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency protocol's data on a profile: health data and door-access notes, shown only on request with a
 * purpose, for staff in the jurisdiction and the care circle, and audited through {@link ElderCareDataViewed}.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ElderHealth {

	private final ElderQueries queries;

	private final ElderRegisterService register;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final ElderInput input;

	/**
	 * The health data and door-access notes, for staff in the jurisdiction and the care circle; audited.
	 *
	 * @param purpose why (required)
	 */
	@Transactional
	public Health revealHealth(long elderId, String purpose) {
		Actor actor = CurrentActor.require();
		if (actor.isApiKey()) {
			throw new ForbiddenException("API keys never see health data");
		}
		ElderRepository.Stored e = queries.load(actor, elderId);
		String why = input.purpose(purpose);
		Health health = new Health(e.id(), register.list(e.conditionsCipher()), register.list(e.medicinesCipher()),
				register.list(e.allergiesCipher()), cipher.decrypt(e.doorAccessCipher()));
		events.publishEvent(new ElderCareDataViewed(e.id(), e.territoryPath(), actor.name(), "HEALTH", why, Instant.now()));
		return health;
	}
}
