package org.jinlin.servicehours.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.alarms.ResponderArrived;
import org.jinlin.demands.DemandClosed;
import org.jinlin.eldercare.VisitRecorded;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.servicehours.ServicesDelivered;
import org.jinlin.shared.Role;
import org.jinlin.territory.TerritoryNode;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What other modules report becomes service records: confirmed service and registrations from member service and
 * volunteers, and — for members and volunteers only — demands handed to them and closed, visits as an elder's buddy
 * and alarms they reached.
 */
@Component
@RequiredArgsConstructor
class ServiceListeners {

	private final ServiceRecording book;

	private final AccountManagement accounts;

	private final ServiceHoursProperties properties;

	private final ServiceTerritories territories;

	@ApplicationModuleListener
	void on(ServiceDelivered event) {
		book.record(event);
	}

	@ApplicationModuleListener
	void on(ServicesDelivered event) {
		book.recordAll(event.services());
	}

	@ApplicationModuleListener
	void on(ParticipantRegistered event) {
		book.participant(event);
	}

	/** A demand handed to a member or volunteer and closed: a problem solved. */
	@ApplicationModuleListener
	void on(DemandClosed event) {
		helper(event.handledBy()).ifPresent(a -> book.record(new ServiceDelivered(a.username(), a.displayName(),
				event.communityId() != null ? event.communityId() : communityOf(event.territoryPath(), a),
				event.territoryPath(), ServiceSource.DEMAND, "demand:" + event.demandId(), "DEMAND",
				null, properties.demandHours(), true, false, event.at(), "system")));
	}

	/** A visit by the elder's volunteer buddy: elderly care. */
	@ApplicationModuleListener
	void on(VisitRecorded event) {
		if (!event.byBuddy()) {
			return;
		}
		helper(event.visitor()).ifPresent(a -> book.record(new ServiceDelivered(a.username(), a.displayName(),
				event.communityId(), event.territoryPath(), ServiceSource.VISIT, "visit:" + event.visitId(), "ELDERLY",
				event.kind().name(), properties.visitHours(), false, true, event.visitedAt(), event.visitor())));
	}

	/** A volunteer reached an elder's alarm as a (backup) responder: elderly care. */
	@ApplicationModuleListener
	void on(ResponderArrived event) {
		helper(event.responder()).ifPresent(a -> {
			long community = communityOf(event.territoryPath(), a);
			book.record(new ServiceDelivered(a.username(), a.displayName(), community, event.territoryPath(),
					ServiceSource.ALARM, "alarm:" + event.alarmId(), "ELDERLY", null, properties.alarmHours(), false, true,
					event.at(), event.responder()));
		});
	}

	/** Staff answer alarms and demands as their job: only volunteers and party members earn service hours. */
	private Optional<AccountManagement.AccountReference> helper(String username) {
		return accounts.lookup(username)
			.filter(a -> a.roles().contains(Role.VOLUNTEER) || a.roles().contains(Role.PARTY_MEMBER))
			.filter(a -> a.roles().stream().noneMatch(Role::isStaff));
	}


	/** The community of the place, else the helper's own (a place above any community: a street's demand). */
	private long communityOf(String territoryPath, AccountManagement.AccountReference helper) {
		return territories.communityOnPath(territoryPath).or(() -> territories.communityOf(helper.territoryId()))
			.map(TerritoryNode::id)
			.orElse(helper.territoryId());
	}
}
