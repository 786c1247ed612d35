using NpgsqlTypes;

namespace DiploPortal.Core.Common;

/// <summary>
/// A record the search box finds. <see cref="SearchVector"/> is a stored column PostgreSQL computes
/// from the record's text (weighted: names and titles first), with a GIN index; nobody writes it.
/// </summary>
public interface ISearchable
{
    NpgsqlTsVector? SearchVector { get; }
}
