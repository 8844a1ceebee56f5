/* Java: rows fetched a batch per JNI crossing. Through the generated
 * wrappers a row costs one crossing per column and call (is_null, then
 * int/text as a byte[] decoded in Java); here one call steps the cursor up
 * to @max times and copies the batch into three arrays that org.campaign.Rows
 * turns into rows, with no JNI call per value. Not part of the C ABI: it
 * lives in libcampaign_java. Declared in capiJNI by java.i's jniclasscode:
 *
 *   static native int cursorBatch(long cursor, int max, Object[] text, int[] spans, long[] ints,
 *                                 Object[] error);
 *
 * For value k = row * ncol + column: spans[2k + 1] is -1 for NULL; for an
 * integer column ints[k] is the value; for text and dates the value is the
 * UTF-8 bytes text[0][spans[2k] .. + spans[2k + 1]] (decoded in Java, where
 * ill-formed bytes become U+FFFD as Utf8.decode always made them). text[0]
 * is reused while the batch fits and replaced by a larger byte[] when not.
 * Returns the rows filled, 0 at the end. An error on the first row throws;
 * an error after some rows returns them and leaves the exception in
 * error[0], to be thrown when the caller reaches it. */

%{
/* The batch's text bytes, gathered in C and copied to Java once. */
struct campaign_java_text {
	char *bytes;
	size_t len, cap;
};

static int campaign_java_text_add(struct campaign_java_text *t, const char *s, size_t n)
{
	if (t->len + n > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		char *p;
		while (cap < t->len + n)
			cap *= 2;
		if (cap > 0x7fffffff || !(p = (char *)realloc(t->bytes, cap)))
			return -1;
		t->bytes = p, t->cap = cap;
	}
	memcpy(t->bytes + t->len, s, n);
	t->len += n;
	return 0;
}

/* Steps @c up to @max times into @spans, @ints and @t; the rows read, or
 * -1 when memory ran out; *@rc is the last step's status. */
static int campaign_java_fill(campaign_cursor *c, int ncol, int max, jint *spans, jlong *ints,
                              struct campaign_java_text *t, int *rc)
{
	int rows = 0;
	while (rows < max && (*rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		for (int i = 0; i < ncol; i++) {
			size_t k = (size_t)rows * (size_t)ncol + (size_t)i;
			const char *s;
			size_t n;
			spans[2 * k] = 0;
			spans[2 * k + 1] = 0;
			if (campaign_cursor_is_null(c, i)) {
				spans[2 * k + 1] = -1;
			} else if (campaign_cursor_column_type(c, i) == CAMPAIGN_COLUMN_INT) {
				ints[k] = (jlong)campaign_cursor_int(c, i);
			} else {
				s = campaign_cursor_text(c, i);
				n = strlen(s);
				spans[2 * k] = (jint)t->len;
				if (campaign_java_text_add(t, s, n))
					return -1;
				spans[2 * k + 1] = (jint)n;
			}
		}
		rows++;
	}
	return rows;
}

/* Puts the batch's bytes into text[0], reusing the array there when it is
 * large enough; 0, or -1 with a Java exception pending. */
static int campaign_java_text_out(JNIEnv *jenv, jobjectArray text, const struct campaign_java_text *t)
{
	jbyteArray a = (jbyteArray)(*jenv)->GetObjectArrayElement(jenv, text, 0);
	if ((*jenv)->ExceptionCheck(jenv))
		return -1;
	if (!a || (size_t)(*jenv)->GetArrayLength(jenv, a) < t->len) {
		if (a)
			(*jenv)->DeleteLocalRef(jenv, a);
		if (!(a = (*jenv)->NewByteArray(jenv, (jsize)(t->cap ? t->cap : 1))))
			return -1;
		(*jenv)->SetObjectArrayElement(jenv, text, 0, a);
	}
	if (t->len)
		(*jenv)->SetByteArrayRegion(jenv, a, 0, (jsize)t->len, (const jbyte *)t->bytes);
	(*jenv)->DeleteLocalRef(jenv, a);
	return (*jenv)->ExceptionCheck(jenv) ? -1 : 0;
}

SWIGEXPORT jint JNICALL Java_org_campaign_jni_capiJNI_cursorBatch(JNIEnv *jenv, jclass cls, jlong handle, jint max,
                                                                 jobjectArray text, jintArray spans, jlongArray ints,
                                                                 jobjectArray error)
{
	campaign_cursor *c = *(campaign_cursor **)&handle;
	int ncol = c ? campaign_cursor_column_count(c) : 0, rows, rc = CAMPAIGN_OK;
	jsize cap = ints ? (*jenv)->GetArrayLength(jenv, ints) : 0;
	struct campaign_java_text t = {NULL, 0, 0};
	jint *sp;
	jlong *iv;
	(void)cls;
	if (!c || ncol <= 0 || !text || !spans || !error || (*jenv)->GetArrayLength(jenv, text) < 1 ||
	    (*jenv)->GetArrayLength(jenv, spans) < 2 * cap) {
		SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException, "cursorBatch: bad arguments");
		return 0;
	}
	if (max > cap / ncol)
		max = cap / ncol;
	sp = (jint *)malloc(2 * (size_t)cap * sizeof *sp + 1);
	iv = (jlong *)calloc((size_t)cap + 1, sizeof *iv);
	rows = sp && iv ? campaign_java_fill(c, ncol, max, sp, iv, &t, &rc) : -1;
	if (rows < 0) {
		SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory");
		rows = 0;
	} else if (rows) {
		(*jenv)->SetIntArrayRegion(jenv, spans, 0, (jsize)(2 * rows * ncol), sp);
		(*jenv)->SetLongArrayRegion(jenv, ints, 0, (jsize)(rows * ncol), iv);
		if (campaign_java_text_out(jenv, text, &t))
			rows = 0;
	}
	free(sp);
	free(iv);
	free(t.bytes);
	if (rows >= 0 && rc != CAMPAIGN_OK && rc != CAMPAIGN_ITEROVER && !(*jenv)->ExceptionCheck(jenv)) {
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
