package org.jinlin.alarms.internal;

import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmImport;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link AlarmImport} through the module's repositories. */
@Service
@Transactional
@RequiredArgsConstructor
class AlarmImporter implements AlarmImport {

	private final AlarmRepository alarms;

	private final DutyRosterRepository roster;

	private final Territories territories;

	@Override
	public int responders(List<Responder> responders, OffsetDateTime now, String by) {
		int added = 0;
		for (Responder r : responders) {
			TerritoryNode node = territories.lookupByCode(r.territoryCode()).orElse(null);
			if (node != null) {
				roster.insert(r.username(), new DutyRosterRepository.Placement(r.name(), r.role(), node.id(), node.path(),
						node.latitude(), node.longitude(), r.status()), now, by);
				added++;
			}
		}
		return added;
	}

	@Override
	public void shifts(List<Shift> shifts) {
		shifts.forEach(s -> roster.addShift(s.username(), s.day(), s.start(), s.end()));
	}

	@Override
	public void pastAlarms(List<PastAlarm> list, String by) {
		for (PastAlarm a : list) {
			long id = alarms.insertResolved(a.elder(), a.kind(), a.channel(), a.escalationLevel(), a.responder(),
					a.responderName(), a.raised(), a.acknowledged(), a.enRoute(), a.arrived(), a.resolved(), a.outcome(), by);
			alarms.step(id, a.raised(), "RAISED", by, a.kind().name());
			alarms.step(id, a.acknowledged(), "ACKNOWLEDGED", a.responder(), null);
			alarms.step(id, a.arrived(), "ARRIVED", a.responder(), null);
			alarms.step(id, a.resolved(), "RESOLVED", a.responder(), a.outcome().name());
		}
	}
}
