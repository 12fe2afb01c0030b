package plivo.powerpack

/**
 * The core's neutral JSON form of the Powerpack calls (the operation table's arguments and
 * results: see `src/dispatch.rs`), written and read for [CAbi]. Only conversion lives here;
 * every check stays in Rust. The standard library only: the binding adds no JSON dependency.
 */
internal object Wire {
    // ---- writing -------------------------------------------------------------------------

    fun updateArgs(uuid: String, changes: UpdatePowerpack): String = buildString {
        append("{\"uuid\":").string(uuid).append(",\"changes\":")
        fields(changes.name, changes.stickySender, changes.localConnect, changes.application, changes.numberPriority)
        append('}')
    }

    fun createArgs(powerpack: CreatePowerpack): String = buildString {
        append("{\"powerpack\":")
        fields(powerpack.name, powerpack.stickySender, powerpack.localConnect, powerpack.application, powerpack.numberPriority)
        append('}')
    }


    /** The fields given, as one object; null ones are not written. */
    private fun StringBuilder.fields(
        name: String?,
        stickySender: Boolean?,
        localConnect: Boolean?,
        application: Application?,
        numberPriority: List<NumberPriority>?,
    ) {
        append('{')
        var first = true
        fun key(k: String): StringBuilder {
            if (!first) append(',')
            first = false
            return append('"').append(k).append("\":")
        }
        name?.let { key("name").string(it) }
        stickySender?.let { key("sticky_sender").append(it) }
        localConnect?.let { key("local_connect").append(it) }
        application?.let { key("application").application(it) }
        numberPriority?.let { list ->
            key("number_priority").append('[')
            list.forEachIndexed { i, np ->
                if (i > 0) append(',')
                append("{\"country_iso\":").string(np.countryIso)
                append(",\"service_type\":\"").append(np.serviceType.name).append('"')
                val p = np.priority
                append(",\"priority\":{\"priority1\":\"").append(p.priority1.name.lowercase())
                append("\",\"priority2\":\"").append(p.priority2.name.lowercase())
                append("\",\"priority3\":\"").append(p.priority3.name.lowercase()).append("\"}}")
            }
            append(']')
        }
        append('}')
    }

    private fun StringBuilder.application(a: Application): StringBuilder = when (a) {
        is Application.Xml -> append("{\"type\":\"xml\",\"id\":").string(a.appId).append('}')
        is Application.Phlo -> append("{\"type\":\"phlo\",\"id\":").string(a.phloId).append('}')
        Application.Detach -> append("{\"type\":\"detach\"}")
    }

    private fun StringBuilder.string(s: String): StringBuilder {
        append('"')
        for (c in s) {
            when {
                c == '"' -> append("\\\"")
                c == '\\' -> append("\\\\")
                c < ' ' -> append("\\u").append(String.format("%04x", c.code))
                else -> append(c)
            }
        }
        return append('"')
    }

    // ---- reading -------------------------------------------------------------------------

    fun powerpack(text: String): Powerpack = powerpackOf(Reader(text).value() as Map<*, *>)

    private fun powerpackOf(d: Map<*, *>): Powerpack = Powerpack(
        apiId = d["api_id"] as String?,
        uuid = d["uuid"] as String,
        name = d["name"] as String,
        stickySender = d["sticky_sender"] as Boolean?,
        localConnect = d["local_connect"] as Boolean?,
        applicationType = d["application_type"] as String?,
        applicationId = d["application_id"] as String?,
        numberPool = d["number_pool"] as String?,
        numberPoolUuid = d["number_pool_uuid"] as String?,
        numberPriority = (d["number_priority"] as List<*>).map { priorityOf(it as Map<*, *>) },
        createdOn = (d["created_on"] as String?)?.let(java.time.Instant::parse),
    )

    private fun priorityOf(d: Map<*, *>): NumberPriority {
        val p = d["priority"] as Map<*, *>
        fun type(key: String) = NumberType.valueOf((p[key] as String).uppercase())
        return NumberPriority(
            countryIso = d["country_iso"] as String,
            serviceType = ServiceType.valueOf(d["service_type"] as String),
            priority = Priority(type("priority1"), type("priority2"), type("priority3")),
        )
    }

    /** A JSON reader for the core's output: objects, arrays, strings, numbers, literals. */
    private class Reader(private val s: String) {
        private var i = 0

        fun value(): Any? {
            skip()
            return when (val c = s[i]) {
                '{' -> obj()
                '[' -> array()
                '"' -> string()
                't' -> literal("true", true)
                'f' -> literal("false", false)
                'n' -> literal("null", null)
                else -> if (c == '-' || c in '0'..'9') number() else throw error("unexpected '$c'")
            }
        }

        private fun obj(): Map<String, Any?> {
            val out = HashMap<String, Any?>()
            i++
            skip()
            if (s[i] == '}') return out.also { i++ }
            while (true) {
                skip()
                val key = string()
                skip()
                expect(':')
                out[key] = value()
                skip()
                if (s[i++] == '}') return out
                if (s[i - 1] != ',') throw error("expected ',' or '}'")
            }
        }

        private fun array(): List<Any?> {
            val out = ArrayList<Any?>()
            i++
            skip()
            if (s[i] == ']') return out.also { i++ }
            while (true) {
                out.add(value())
                skip()
                if (s[i++] == ']') return out
                if (s[i - 1] != ',') throw error("expected ',' or ']'")
            }
        }

        private fun string(): String {
            expect('"')
            val start = i
            while (s[i] != '"' && s[i] != '\\') i++
            if (s[i] == '"') return s.substring(start, i).also { i++ }
            val out = StringBuilder().append(s, start, i)
            while (true) {
                when (val c = s[i++]) {
                    '"' -> return out.toString()
                    '\\' -> when (val e = s[i++]) {
                        'n' -> out.append('\n')
                        't' -> out.append('\t')
                        'r' -> out.append('\r')
                        'b' -> out.append('\b')
                        'f' -> out.append('\u000c')
                        'u' -> out.append(s.substring(i, i + 4).toInt(16).toChar()).also { i += 4 }
                        else -> out.append(e)
                    }
                    else -> out.append(c)
                }
            }
        }

        private fun number(): Any {
            val start = i
            while (i < s.length && s[i] in "+-0123456789.eE") i++
            val text = s.substring(start, i)
            return text.toLongOrNull() ?: text.toDouble()
        }

        private fun literal(word: String, value: Any?): Any? {
            if (!s.startsWith(word, i)) throw error("expected $word")
            i += word.length
            return value
        }

        private fun expect(c: Char) {
            if (s[i] != c) throw error("expected '$c'")
            i++
        }

        private fun skip() {
            while (i < s.length && s[i].isWhitespace()) i++
        }

        private fun error(what: String) = PowerpackException.Internal("the library's JSON at $i: $what")
    }
}
