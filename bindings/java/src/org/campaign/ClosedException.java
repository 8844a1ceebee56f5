package org.campaign;

/** The store or cursor was closed (CAMPAIGN_ECLOSED). */
public class ClosedException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public ClosedException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
