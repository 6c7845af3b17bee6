package com.cotalk.notification.mention;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds who a text mentions: {@code @} (not inside a word, as in an e-mail address)
 * followed by a display name, compared without case. Where several names fit at one
 * {@code @} (Kim and Kim Minjun), the longest wins. After a name, a letter or digit means
 * a longer word (Al in {@code @Alice}), except that Korean particles attach directly to a
 * Korean name ({@code @민준아}, {@code @민준님}).
 */
final class Mentions {

	private Mentions() {
	}

	/** The ids whose names are mentioned. */
	static Set<UUID> find(String text, Map<UUID, String> names) {
		Set<UUID> mentioned = new HashSet<>();
		for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
			if (at > 0 && Character.isLetterOrDigit(text.codePointBefore(at))) {
				continue; // an e-mail address, not a mention
			}
			int longest = 0;
			Set<UUID> here = new HashSet<>();
			for (Map.Entry<UUID, String> candidate : names.entrySet()) {
				String name = candidate.getValue().strip();
				if (name.isEmpty() || name.length() < longest || !mentionedAt(text, at + 1, name)) {
					continue;
				}
				if (name.length() > longest) {
					longest = name.length();
					here.clear();
				}
				here.add(candidate.getKey());
			}
			mentioned.addAll(here);
		}
		return mentioned;
	}

	private static boolean mentionedAt(String text, int start, String name) {
		if (!text.regionMatches(true, start, name, 0, name.length())) {
			return false;
		}
		int end = start + name.length();
		if (end >= text.length()) {
			return true;
		}
		int next = text.codePointAt(end);
		if (!Character.isLetterOrDigit(next) && next != '_') {
			return true;
		}
		return isHangul(name.codePointBefore(name.length())) && isHangul(next);
	}

	private static boolean isHangul(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL;
	}

}
