namespace Spotlight.Domain.Ranking;

/// <summary>
/// A sorted set that also answers "how many come before" and "which is at index i" in O(log n): a treap
/// (a binary search tree balanced by random priorities) whose nodes count their subtrees. .NET's
/// <see cref="SortedSet{T}"/> cannot tell a position without walking the elements, and a leaderboard needs
/// positions on every read.
/// </summary>
public sealed class RankedSet<T>(IComparer<T> order)
{
    private Node? _root;

    // Priorities only shape the tree; a fixed seed makes every run build the same shapes.
    private readonly Random _priorities = new(17);

    public int Count => Size(_root);

    public T First => Count > 0 ? ElementAt(0) : throw new InvalidOperationException("The set is empty.");

    /// <summary>Adds the item; false if an equal item is already in the set.</summary>
    public bool Add(T item)
    {
        if (Contains(item))
        {
            return false;
        }

        var (left, right) = Split(_root, item);
        _root = Merge(Merge(left, new Node(item, _priorities.Next())), right);
        return true;
    }

    /// <summary>Removes the item; false if it was not in the set.</summary>
    public bool Remove(T item)
    {
        var removed = false;
        _root = Remove(_root, item, ref removed);
        return removed;
    }

    public bool Contains(T item)
    {
        var node = _root;
        while (node is not null)
        {
            var comparison = order.Compare(item, node.Item);
            if (comparison == 0)
            {
                return true;
            }

            node = comparison < 0 ? node.Left : node.Right;
        }

        return false;
    }

    public T ElementAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var node = _root!;
        while (true)
        {
            var leftSize = Size(node.Left);
            if (index < leftSize)
            {
                node = node.Left!;
            }
            else if (index == leftSize)
            {
                return node.Item;
            }
            else
            {
                index -= leftSize + 1;
                node = node.Right!;
            }
        }
    }

    /// <summary>
    /// How many items, from the first in order, satisfy <paramref name="comesBefore"/>. The predicate must
    /// hold for a prefix of the set and fail for the rest (true…true false…false), as "ranks above X" does.
    /// </summary>
    public int CountWhile(Func<T, bool> comesBefore)
    {
        var count = 0;
        var node = _root;
        while (node is not null)
        {
            if (comesBefore(node.Item))
            {
                count += Size(node.Left) + 1;
                node = node.Right;
            }
            else
            {
                node = node.Left;
            }
        }

        return count;
    }

    /// <summary>The items in order starting at <paramref name="index"/>; the set must not change meanwhile.</summary>
    public IEnumerable<T> From(int index)
    {
        // The path to the item at `index`, keeping the nodes still to be visited after their left side.
        var pending = new Stack<Node>();
        var node = _root;
        while (node is not null)
        {
            var leftSize = Size(node.Left);
            if (index < leftSize)
            {
                pending.Push(node);
                node = node.Left;
            }
            else if (index == leftSize)
            {
                pending.Push(node);
                break;
            }
            else
            {
                index -= leftSize + 1;
                node = node.Right;
            }
        }

        while (pending.Count > 0)
        {
            var next = pending.Pop();
            yield return next.Item;
            for (var child = next.Right; child is not null; child = child.Left)
            {
                pending.Push(child);
            }
        }
    }

    private static int Size(Node? node) => node?.Size ?? 0;

    /// <summary>Splits into the items ordered before <paramref name="item"/> and the rest.</summary>
    private (Node? Before, Node? AtOrAfter) Split(Node? node, T item)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (order.Compare(node.Item, item) < 0)
        {
            var (before, rest) = Split(node.Right, item);
            node.Right = before;
            node.Update();
            return (node, rest);
        }
        else
        {
            var (before, rest) = Split(node.Left, item);
            node.Left = rest;
            node.Update();
            return (before, node);
        }
    }

    /// <summary>Joins two treaps where every item of <paramref name="left"/> comes before every item of <paramref name="right"/>.</summary>
    private static Node? Merge(Node? left, Node? right)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        if (left.Priority > right.Priority)
        {
            left.Right = Merge(left.Right, right);
            left.Update();
            return left;
        }

        right.Left = Merge(left, right.Left);
        right.Update();
        return right;
    }

    private Node? Remove(Node? node, T item, ref bool removed)
    {
        if (node is null)
        {
            return null;
        }

        var comparison = order.Compare(item, node.Item);
        if (comparison == 0)
        {
            removed = true;
            return Merge(node.Left, node.Right);
        }

        if (comparison < 0)
        {
            node.Left = Remove(node.Left, item, ref removed);
        }
        else
        {
            node.Right = Remove(node.Right, item, ref removed);
        }

        node.Update();
        return node;
    }

    private sealed class Node(T item, int priority)
    {
        public T Item { get; } = item;

        public int Priority { get; } = priority;

        public Node? Left { get; set; }

        public Node? Right { get; set; }

        public int Size { get; private set; } = 1;

        public void Update() => Size = 1 + RankedSet<T>.Size(Left) + RankedSet<T>.Size(Right);
    }
}
