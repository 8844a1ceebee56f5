/* Java specifics of the interface: opaque handles as long, strings as
 * UTF-8 byte arrays (JNI's modified UTF-8 would break characters outside
 * the BMP, such as the CJK Extension B characters of personal names),
 * errors as org.campaign.CampaignException subclasses, no finalizers. */

%{
#include <stdlib.h>
#include <string.h>
#define CAMPAIGN_INT_RESULT(v) ((jint)(v))

static jbyteArray campaign_java_bytes(JNIEnv *jenv, const char *s)
{
	jbyteArray a;
	jsize n;
	if (!s)
		return NULL;
	n = (jsize)strlen(s);
	a = (*jenv)->NewByteArray(jenv, n);
	if (a)
		(*jenv)->SetByteArrayRegion(jenv, a, 0, n, (const jbyte *)s);
	return a;
}

/* The CampaignException subclass that CampaignException.create makes for
 * @code and the thread's error, not thrown; NULL with an exception pending
 * when it cannot be made. */
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

/* Throws that exception; one already pending (thrown by a Java callback
 * the call made) is the one thrown. */
static void campaign_java_raise(JNIEnv *jenv, int code)
{
	jobject exc;
	if ((*jenv)->ExceptionCheck(jenv))
		return;
	exc = campaign_java_exception(jenv, code);
	if (exc && !(*jenv)->ExceptionCheck(jenv))
		(*jenv)->Throw(jenv, (jthrowable)exc);
}
#define CAMPAIGN_RAISE(code) do { campaign_java_raise(jenv, code); return 0; } while (0)
%}

%pragma(java) jniclasscode=%{
  static {
    org.campaign.NativeLoader.load();
  }

  /** Fills up to max rows of a cursor in one crossing (see java/rows.i); org.campaign.Rows uses it. */
  public final static native int cursorBatch(long cursor, int max, Object[] text, int[] spans, long[] ints,
                                             Object[] error);
%}

/* Every other int is a status: negative throws. */
%typemap(out) int %{
	if ($1 < 0) {
		campaign_java_raise(jenv, $1);
		return $null;
	}
	$result = (jint)$1;
%}

/* Strings: UTF-8 bytes both ways. */
%typemap(jni) const char *, char * "jbyteArray"
%typemap(jtype) const char *, char * "byte[]"
%typemap(jstype) const char *, char * "String"
%typemap(javain) const char *, char * "org.campaign.Utf8.encode($javainput)"
%typemap(javaout) const char *, char * { return org.campaign.Utf8.decode($jnicall); }
%typemap(in) const char *, char * %{
	$1 = NULL;
	if ($input) {
		jsize n = (*jenv)->GetArrayLength(jenv, $input);
		char *copy = (char *)malloc((size_t)n + 1);
		if (!copy) {
			SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "out of memory");
			return $null;
		}
		(*jenv)->GetByteArrayRegion(jenv, $input, 0, n, (jbyte *)copy);
		copy[n] = '\0';
		$1 = copy;
	}
%}
%typemap(freearg) const char *, char * %{ free((char *)$1); %}
%typemap(out) const char *, char * %{ $result = campaign_java_bytes(jenv, $1); %}

/* Opaque handles are longs; T **out is a long[1] the call fills. */
%define CAMPAIGN_HANDLE(TYPE)
%typemap(jni) TYPE *, const TYPE * "jlong"
%typemap(jtype) TYPE *, const TYPE * "long"
%typemap(jstype) TYPE *, const TYPE * "long"
%typemap(in) TYPE *, const TYPE * %{ $1 = *($&1_ltype)&$input; %}
%typemap(out) TYPE *, const TYPE * %{ *($&1_ltype)&$result = $1; %}
%typemap(javain) TYPE *, const TYPE * "$javainput"
%typemap(javaout) TYPE *, const TYPE * { return $jnicall; }
%typemap(jni) TYPE **out "jlongArray"
%typemap(jtype) TYPE **out "long[]"
%typemap(jstype) TYPE **out "long[]"
%typemap(javain) TYPE **out "$javainput"
%typemap(in) TYPE **out (TYPE *tmp = NULL) %{
	if (!$input || (*jenv)->GetArrayLength(jenv, $input) < 1) {
		SWIG_JavaThrowException(jenv, SWIG_JavaNullPointerException, "a long[1] is needed for the result");
		return $null;
	}
	$1 = &tmp;
%}
%typemap(argout) TYPE **out %{
	{
		jlong handle = 0;
		*(TYPE **)&handle = tmp$argnum;
		(*jenv)->SetLongArrayRegion(jenv, $input, 0, 1, &handle);
	}
%}
%enddef
CAMPAIGN_HANDLE(campaign_db)
CAMPAIGN_HANDLE(campaign_cursor)
CAMPAIGN_HANDLE(campaign_deadline)
CAMPAIGN_HANDLE(campaign_buf)

/* C enums and macros as plain int constants (capiConstants). */
%include "enumtypeunsafe.swg"
%javaconst(1);
/* unsigned literals (0x1u) are not Java: these take their value through JNI */
%javaconst(0) CAMPAIGN_OPEN_DEFAULT;
%javaconst(0) CAMPAIGN_OPEN_READONLY;
%javaconst(0) CAMPAIGN_OPEN_NOCREATE;

/* No finalizers: objects are closed explicitly (AutoCloseable). */
%typemap(javafinalize) SWIGTYPE ""
