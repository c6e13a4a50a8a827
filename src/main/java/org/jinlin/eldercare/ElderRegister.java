package org.jinlin.eldercare;

import java.util.List;
import java.util.Optional;

import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;

/**
 * The elderly register as other modules (the alarm desk) use it.
 * <ul>
 * <li>System queries ({@link #locate}, {@link #locateByDevice}, {@link #locateByResident},
 * {@link #emergencyContacts}, {@link #careCircle}) check no actor: callers use them inside their own checked
 * flows (an alarm raised by a device, dispatch, notifying the family). They return active profiles only.</li>
 * <li>{@link #protocol} is for a person at the alarm desk: staff whose jurisdiction covers the elder (others
 * 404, non-staff 403); every call publishes {@link ElderCareDataViewed} for the audit log.</li>
 * <li>{@link #matching} finds elders by name for a person at the desk, within what the caller may see.</li>
 * </ul>
 */
public interface ElderRegister {

	/** An active elder's location, or empty. */
	Optional<ElderLocation> locate(long elderId);

	/** The elder a registered device (pendant, wristband, detector) belongs to, or empty. */
	Optional<ElderLocation> locateByDevice(String deviceId);

	/** The elder profile of a resident (e.g. the signed-in resident pressing help), or empty. */
	Optional<ElderLocation> locateByResident(long residentId);

	/** Emergency contacts by priority (1 first), phones in clear; empty for an unknown elder. */
	List<EmergencyContact> emergencyContacts(long elderId);

	/** The care circle: community worker, grid worker, buddy (accounts), then family (the contacts). */
	List<CareCircleMember> careCircle(long elderId);

	/**
	 * The emergency protocol of an elder for staff whose jurisdiction covers the elder and for the accounts of her
	 * care circle (community worker, grid worker, buddy); audited.
	 *
	 * @param purpose why (e.g. "alarm 42"); required, kept in the audit log
	 * @throws ForbiddenException for anyone else who is not staff
	 * @throws NotFoundException for an unknown elder or one outside the jurisdiction
	 */
	ElderProtocol protocol(long elderId, String purpose);

	/**
	 * Active elders whose name starts with {@code namePrefix}, among those the caller may see (403 for an account
	 * that may see none), highest risk first, at most {@code max}.
	 */
	List<ElderMatch> matching(String namePrefix, int max);
}
