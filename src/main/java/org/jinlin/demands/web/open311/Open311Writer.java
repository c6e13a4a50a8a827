package org.jinlin.demands.web.open311;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a GeoReport v2 document, a tree of maps (elements in insertion order), lists and scalars, as JSON
 * or as XML. In XML the root element is named by the resource ({@code services}, {@code service_requests},
 * ...) and each item of a list is an element named after its container ({@code <services><service>},
 * {@code <values><value>}, ...), as in the specification's examples; {@code null} becomes an empty element.
 */
public final class Open311Writer {

	/** The element name of one item of each list-valued container. */
	private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
			"errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats",
			"format");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private Open311Writer() {
	}

	static ResponseEntity<byte[]> render(HttpStatus status, Open311Format format, String root, Object document) {
		byte[] body = format == Open311Format.XML ? xml(root, document) : JSON.writeValueAsBytes(document);
		return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
	}

	static byte[] xml(String root, Object document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			element(w, root, document);
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("Cannot write Open311 XML", e);
		}
		return out.toByteArray();
	}

	private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
		if (value == null) {
			w.writeEmptyElement(name);
			return;
		}
		w.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				element(w, String.valueOf(e.getKey()), e.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			String item = ITEMS.getOrDefault(name, "item");
			for (Object v : list) {
				element(w, item, v);
			}
		}
		else {
			w.writeCharacters(text(String.valueOf(value)));
		}
		w.writeEndElement();
	}

	/** Drops characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
	private static String text(String s) {
		StringBuilder b = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
			if (!ok && b == null) {
				b = new StringBuilder(s.substring(0, i));
			}
			else if (ok && b != null) {
				b.append(c);
			}
		}
		return b == null ? s : b.toString();
	}
}
