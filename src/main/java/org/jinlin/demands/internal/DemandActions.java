package org.jinlin.demands.internal;

import org.jinlin.demands.DemandStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/**
 * Which of the closed loop's actions the desk offers on a demand, by its status and the actor's role and unit;
 * the services still decide (403, 409).
 */
public record DemandActions(boolean sign, boolean claim, boolean giveBack, boolean dispatch, boolean overrule, boolean extension,
		boolean decide, boolean supervise, boolean note, boolean resolve, boolean followUp, boolean merge,
		boolean publicMatter, boolean meeting, boolean callBack) {

	/** The actions offered to {@code actor} on {@code d}. */
	public static DemandActions of(Actor actor, DemandView d) {
		DemandStatus s = d.status();
		boolean staff = actor.isStaff();
		boolean dispatcher = DemandAccess.dispatcher(actor);
		boolean handlerHere = actor.name().equals(d.assignee())
				|| (d.handlerNodeId() != null && d.handlerNodeId() == actor.territoryId());
		boolean open = s.isOpen() && s != DemandStatus.RESOLVED;
		return new DemandActions(s == DemandStatus.DISPATCHED && (staff || actor.name().equals(d.assignee())),
				s == DemandStatus.DISPATCHED && actor.has(Role.GRID_WORKER) && d.gridId() != null
						&& d.gridId() == actor.territoryId() && !actor.name().equals(d.assignee()),
				s == DemandStatus.DISPATCHED && (staff || handlerHere),
				dispatcher && (s == DemandStatus.DISPATCHED || s == DemandStatus.RETURNED || s == DemandStatus.IN_PROGRESS),
				dispatcher && s == DemandStatus.RETURNED,
				s == DemandStatus.IN_PROGRESS && (staff || handlerHere),
				staff && !handlerHere && s == DemandStatus.IN_PROGRESS,
				staff && !handlerHere && open,
				s.isOpen() && (staff || handlerHere),
				s == DemandStatus.IN_PROGRESS && (staff || handlerHere),
				staff && s == DemandStatus.RESOLVED,
				dispatcher && open && s != DemandStatus.RESOLVED,
				dispatcher && (s == DemandStatus.DISPATCHED || s == DemandStatus.IN_PROGRESS),
				dispatcher && s == DemandStatus.DELIBERATING,
				staff && actor.covers(d.territoryPath()) && (d.contactPhoneMasked() != null || d.residentId() != null));
	}
}
