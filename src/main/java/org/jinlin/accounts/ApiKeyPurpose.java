package org.jinlin.accounts;

/** What an API key may be used for. */
public enum ApiKeyPurpose {
	/** Read-only access to the JSON API within the key's jurisdiction. */
	READ,
	/** Open311 GeoReport clients raising demands. */
	OPEN311,
	/** Emergency-alarm devices and their gateways. */
	DEVICE,
	/** Bulk data exchange with other government systems. */
	INTEGRATION,
	/** A canteen's counter terminal: records meal sales ({@code POST /api/v1/meals/sales}) and nothing else. */
	CANTEEN
}
