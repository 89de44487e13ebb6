using Npgsql;
using Spotlight.Domain;

namespace Spotlight.Silo.Engagement;

/// <summary>Rows of engagement counts as one array per column, for a multi-row write (<c>unnest</c>) that names
/// them <c>@views</c>, <c>@likes</c>, <c>@comments</c>, <c>@shares</c> and <c>@uses</c>.</summary>
internal sealed class CountColumns(int rows)
{
    private readonly long[] _views = new long[rows];
    private readonly long[] _likes = new long[rows];
    private readonly long[] _comments = new long[rows];
    private readonly long[] _shares = new long[rows];
    private readonly long[] _uses = new long[rows];

    public void Set(int row, in Counts counts) =>
        (_views[row], _likes[row], _comments[row], _shares[row], _uses[row]) = (counts.Views, counts.Likes, counts.Comments, counts.Shares, counts.Uses);

    public void AddTo(NpgsqlBatchCommand command)
    {
        command.Parameters.AddWithValue("views", _views);
        command.Parameters.AddWithValue("likes", _likes);
        command.Parameters.AddWithValue("comments", _comments);
        command.Parameters.AddWithValue("shares", _shares);
        command.Parameters.AddWithValue("uses", _uses);
    }
}
