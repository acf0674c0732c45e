namespace Hospital.Domain.Data;

/// <summary>Setting <c>Database__Provider</c>.</summary>
public enum DatabaseProvider { Sqlite, PostgreSQL }
