package org.campaign;

/** A file or database input/output error (CAMPAIGN_EIO). */
public class StoreIOException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public StoreIOException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
