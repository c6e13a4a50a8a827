package org.jinlin.eldercare.internal;

import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.ElderCareDataViewed;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.VisitKind;
import org.jinlin.eldercare.VisitRecorded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jinlin.accounts.AccountManagement;
import org.jinlin.eldercare.internal.ElderViews.AddDevice;
import org.jinlin.eldercare.internal.ElderViews.AssessmentView;
import org.jinlin.eldercare.internal.ElderViews.AssignCarer;
import org.jinlin.eldercare.internal.ElderViews.CarerRow;
import org.jinlin.eldercare.internal.ElderViews.ContactDraft;
import org.jinlin.eldercare.internal.ElderViews.ContactRow;
import org.jinlin.eldercare.internal.ElderViews.DeviceRow;
import org.jinlin.eldercare.internal.ElderViews.ElderPage;
import org.jinlin.eldercare.internal.ElderViews.ElderRow;
import org.jinlin.eldercare.internal.ElderViews.ElderView;
import org.jinlin.eldercare.internal.ElderViews.Health;
import org.jinlin.eldercare.internal.ElderViews.OverdueVisit;
import org.jinlin.eldercare.internal.ElderViews.PhotoUpload;
import org.jinlin.eldercare.internal.ElderViews.RecordAssessment;
import org.jinlin.eldercare.internal.ElderViews.RecordRiskEvent;
import org.jinlin.eldercare.internal.ElderViews.RecordVisit;
import org.jinlin.eldercare.internal.ElderViews.RiskEventView;
import org.jinlin.eldercare.internal.ElderViews.UpcomingBirthday;
import org.jinlin.eldercare.internal.ElderViews.UpdateCare;
import org.jinlin.eldercare.internal.ElderViews.VisitView;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency protocol's data on a profile: health data and door-access notes, shown only on request with a
 * purpose, for staff in the jurisdiction and the care circle, and audited through {@link ElderCareDataViewed}.
 */
@Service
@Transactional(readOnly = true)
public class ElderHealth {

	private final ElderQueries queries;

	private final ElderRegisterService register;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final ElderInput input;

	ElderHealth(ElderQueries queries, ElderRegisterService register, PersonalDataCipher cipher, ApplicationEventPublisher events, ElderInput input) {
		this.queries = queries;
		this.register = register;
		this.cipher = cipher;
		this.events = events;
		this.input = input;
	}

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
