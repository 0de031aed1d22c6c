package fr.sudia.directory.organization;

/** Whether an entry is public: members' new entries wait for an editor. */
public enum ModerationStatus {
    PENDING,
    PUBLISHED,
    REJECTED
}
