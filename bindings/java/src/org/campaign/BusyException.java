package org.campaign;

/** The store is locked by another connection (CAMPAIGN_EBUSY). */
public class BusyException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public BusyException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
