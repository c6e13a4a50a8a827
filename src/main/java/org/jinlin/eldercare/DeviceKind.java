package org.jinlin.eldercare;

/** Devices that raise alarms for an elder. */
public enum DeviceKind {
	PENDANT, WRISTBAND, FALL_DETECTOR, SMOKE_DETECTOR, DOOR_SENSOR
}
