package org.jinlin.eldercare;

import java.util.List;

/**
 * What a responder needs for an emergency: who the elder is, health (conditions, medicines, allergies),
 * how to get in, where, the risk level and the emergency contacts (phones in clear). Obtained only through
 * the audited {@link ElderRegister#protocol}.
 */
public record ElderProtocol(long elderId, String name, Integer age, String livingSituation, String mobility,
		List<String> conditions, List<String> medicines, List<String> allergies, String doorAccessNotes,
		String address, double latitude, double longitude, String riskLevel, List<EmergencyContact> contacts) {

	/** Never prints health data, door-access notes or phones. */
	@Override
	public String toString() {
		return "ElderProtocol[elderId=" + elderId + ", riskLevel=" + riskLevel + "]";
	}
}
