/* Java: rows fetched a batch per JNI crossing. Through the generated
 * wrappers a row costs one crossing per column and call (is_null, then
 * int/text as a byte[] decoded in Java); here one call steps the cursor up
 * to @max times and fills arrays that org.campaign.Rows turns into rows.
 * Not part of the C ABI: it lives in libcampaign_java. Declared in
 * capiJNI by java.i's jniclasscode:
 *
 *   static native int cursorRows(long cursor, int max, Object[] values, long[] ints,
 *                                Object intMark, Object[] error);
 *
 * values[r * ncol + i] is null for NULL; a String for text and dates (a
 * byte[] for text that is not well-formed UTF-8, decoded by Utf8.decode as
 * before); @intMark for an integer, whose value is ints[r * ncol + i].
 * Returns the rows filled, 0 at the end. An error on the first row throws;
 * an error after some rows returns them and leaves the exception in
 * error[0], to be thrown when the caller reaches it. */

%{
/* UTF-8 to a Java String through UTF-16 (NewStringUTF takes modified
 * UTF-8, which would break characters outside the BMP); NULL, with no
 * exception pending, when @s is not well-formed UTF-8. */
static jstring campaign_java_string(JNIEnv *jenv, const unsigned char *s, size_t n)
{
	jchar small[256], *u = n <= 256 ? small : (jchar *)malloc(n * sizeof *u);
	jstring str = NULL;
	size_t k = 0, i = 0;
	if (!u)
		return NULL;
	while (i < n) {
		unsigned c = s[i], cp, len, min;
		if (c < 0x80) {
			u[k++] = (jchar)c;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			goto done;
		if (i + len > n)
			goto done;
		for (unsigned j = 1; j < len; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				goto done;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto done;
		if (cp >= 0x10000) {
			u[k++] = (jchar)(0xd800 + ((cp - 0x10000) >> 10));
			u[k++] = (jchar)(0xdc00 + ((cp - 0x10000) & 0x3ff));
		} else {
			u[k++] = (jchar)cp;
		}
		i += len;
	}
	str = (*jenv)->NewString(jenv, u, (jsize)k);
done:
	if (u != small)
		free(u);
	return str;
}

/* The exception campaign_java_raise() would throw for @code, not thrown. */
static jobject campaign_java_exception(JNIEnv *jenv, int code)
{
	jclass cls = (*jenv)->FindClass(jenv, "org/campaign/CampaignException");
	jmethodID create;
	if (!cls)
		return NULL;
	create = (*jenv)->GetStaticMethodID(jenv, cls, "create", "(I[B[BII)Lorg/campaign/CampaignException;");
	if (!create)
		return NULL;
	return (*jenv)->CallStaticObjectMethod(jenv, cls, create, (jint)code,
	                                       campaign_java_bytes(jenv, campaign_error_message()),
	                                       campaign_java_bytes(jenv, campaign_error_file()),
	                                       (jint)campaign_error_line(), (jint)campaign_error_column());
}

/* Column @i of the current row into values[@k] (and ints[@k]); 0, or -1
 * with a Java exception pending. */
static int campaign_java_value(JNIEnv *jenv, campaign_cursor *c, int i, jsize k, jobjectArray values, jlong *ints,
                               jobject int_mark)
{
	jobject v = NULL;
	if (!campaign_cursor_is_null(c, i)) {
		if (campaign_cursor_column_type(c, i) == CAMPAIGN_COLUMN_INT) {
			ints[k] = (jlong)campaign_cursor_int(c, i);
			v = int_mark;
		} else {
			const char *s = campaign_cursor_text(c, i);
			size_t n = strlen(s);
			v = campaign_java_string(jenv, (const unsigned char *)s, n);
			if (!v && !(*jenv)->ExceptionCheck(jenv))
				v = campaign_java_bytes(jenv, s);
			if (!v)
				return -1;
		}
	}
	(*jenv)->SetObjectArrayElement(jenv, values, k, v);
	if (v && v != int_mark)
		(*jenv)->DeleteLocalRef(jenv, v);
	return (*jenv)->ExceptionCheck(jenv) ? -1 : 0;
}

SWIGEXPORT jint JNICALL Java_org_campaign_jni_capiJNI_cursorRows(JNIEnv *jenv, jclass cls, jlong handle, jint max,
                                                                jobjectArray values, jlongArray ints,
                                                                jobject int_mark, jobjectArray error)
{
	campaign_cursor *c = *(campaign_cursor **)&handle;
	int ncol = campaign_cursor_column_count(c), rows = 0, rc = CAMPAIGN_OK;
	jsize cap = values ? (*jenv)->GetArrayLength(jenv, values) : 0;
	jlong *iv;
	(void)cls;
	if (!c || ncol <= 0 || !ints || !error || (*jenv)->GetArrayLength(jenv, ints) < cap) {
		SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException, "cursorRows: bad arguments");
		return 0;
	}
	if (max > cap / ncol)
		max = cap / ncol;
	if (!(iv = (jlong *)calloc((size_t)cap + 1, sizeof *iv))) {
		SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory");
		return 0;
	}
	while (rows < max && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		for (int i = 0; i < ncol; i++)
			if (campaign_java_value(jenv, c, i, (jsize)(rows * ncol + i), values, iv, int_mark)) {
				free(iv);
				return 0;
			}
		rows++;
	}
	if (rows)
		(*jenv)->SetLongArrayRegion(jenv, ints, 0, (jsize)(rows * ncol), iv);
	free(iv);
	if (rc != CAMPAIGN_OK && rc != CAMPAIGN_ITEROVER) {
		if (!rows) {
			campaign_java_raise(jenv, rc);
			return 0;
		}
		jobject exc = campaign_java_exception(jenv, rc);
		if (exc)
			(*jenv)->SetObjectArrayElement(jenv, error, 0, exc);
	}
	return rows;
}
%}
