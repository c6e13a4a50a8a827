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
	INTEGRATION
}
