package org.jinlin.shared.timers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Java serialization of timer data, as db-scheduler's default, that still reads timers stored before their data
 * class moved to another package: a stored class that no longer exists is read as the task's data class when both
 * have the same simple name ({@code org.jinlin.demands.DemandTimers$Due} is read as
 * {@code org.jinlin.demands.internal.DemandTimers$Due}). Deadlines pending across an upgrade that reorganised the
 * packages then fire as if nothing had moved. The timer data are records, whose serial form does not depend on a
 * serialVersionUID.
 */
final class MovedClassSerializer implements Serializer {

	@Override
	public byte[] serialize(Object data) {
		if (data == null) {
			return null;
		}
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(data);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new SerializationException("Failed to serialize timer data", e);
		}
	}

	@Override
	public <T> T deserialize(Class<T> type, byte[] serialized) {
		if (serialized == null) {
			return null;
		}
		try (ObjectInputStream in = new Reader(new ByteArrayInputStream(serialized), type)) {
			return type.cast(in.readObject());
		}
		catch (IOException | ClassNotFoundException | ClassCastException e) {
			throw new SerializationException("Failed to deserialize timer data", e);
		}
	}

	/** The simple name of a class, nested classes included: what follows the last dot. */
	static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static final class Reader extends ObjectInputStream {

		private final Class<?> expected;

		Reader(InputStream in, Class<?> expected) throws IOException {
			super(in);
			this.expected = expected;
		}

		@Override
		protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
			try {
				return super.resolveClass(desc);
			}
			catch (ClassNotFoundException e) {
				if (expected != null && simpleName(desc.getName()).equals(simpleName(expected.getName()))) {
					return expected;
				}
				throw e;
			}
		}
	}
}
