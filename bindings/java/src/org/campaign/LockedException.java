package org.campaign;

/** A confidential field, and the store was opened without its key (CAMPAIGN_ELOCKED). */
public class LockedException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public LockedException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
