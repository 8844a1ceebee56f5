package org.campaign;

/**
 * A libcampaign error: its code (a negative CAMPAIGN_E* value), message, and
 * for plan files the file, line and column. Unchecked.
 */
public class CampaignException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String file;
    private final int line;
    private final int column;

    public CampaignException(int code, String message, String file, int line, int column) {
        super(message);
        this.code = code;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public int getCode() { return code; }
    public String getFile() { return file; }
    public int getLine() { return line; }
    public int getColumn() { return column; }

    /** Called by the native code: the subclass for {@code code}. */
    static CampaignException create(int code, byte[] message, byte[] file, int line, int column) {
        String m = Utf8.decode(message), f = Utf8.decode(file);
        switch (code) {
            case -2: return new NotFoundException(code, m, f, line, column);
            case -3: return new InvalidInputException(code, m, f, line, column);
            case -4: return new ConflictException(code, m, f, line, column);
            case -6: return new StoreIOException(code, m, f, line, column);
            case -7: return new BusyException(code, m, f, line, column);
            case -8: return new PermissionException(code, m, f, line, column);
            case -9: return new VersionException(code, m, f, line, column);
            case -10: return new ClosedException(code, m, f, line, column);
            case -11: return new LockedException(code, m, f, line, column);
            default: return new CampaignException(code, m, f, line, column);
        }
    }
}
