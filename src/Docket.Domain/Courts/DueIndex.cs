namespace Docket.Domain.Courts;

/// <summary>
/// The deadline watch's index: each watched case filed under its next check, so a watch finds the cases whose check
/// has come without looking at the others. A binary heap of (check, case number) in one array, with each case's place
/// in it kept beside (<see cref="ForCourt"/>: by case number in chunks, as the court keeps its cases;
/// <see cref="ForDocket"/>: in a dictionary, for a team's few). Unlike a sorted set it makes no object per case: a
/// court and each team file every new case here, and under a full filing load a set's node per case was the largest
/// share of the objects the collector had to move a minute in.
/// </summary>
internal sealed class DueIndex
{
    private readonly IPlaces _places;
    private (DateTimeOffset At, long Number)[] _heap = new (DateTimeOffset, long)[16];

    private DueIndex(IPlaces places) => _places = places;

    /// <summary>An index for a court's cases in progress (numbers dense among all the court's).</summary>
    public static DueIndex ForCourt() => new(new SlotPlaces());

    /// <summary>An index for a docket's cases (a few numbers scattered among the court's).</summary>
    public static DueIndex ForDocket() => new(new DictionaryPlaces());

    /// <summary>Cases filed.</summary>
    public int Count { get; private set; }

    /// <summary>The earliest next check filed, or null when no case is.</summary>
    public DateTimeOffset? Earliest => Count > 0 ? _heap[0].At : null;

    /// <summary>The next check case <paramref name="number"/> is filed under, if any.</summary>
    public bool TryGetNext(long number, out DateTimeOffset next)
    {
        if (_places.TryGet(number, out var place))
        {
            next = _heap[place].At;
            return true;
        }
        next = default;
        return false;
    }

    /// <summary>Files case <paramref name="number"/> under <paramref name="next"/>, or under none (taken out) when null.</summary>
    public void File(long number, DateTimeOffset? next)
    {
        if (next is not { } at)
        {
            Remove(number);
            return;
        }
        if (_places.TryGet(number, out var place))
        {
            var old = _heap[place].At;
            _heap[place] = (at, number);
            if (at < old)
            {
                Up(place);
            }
            else
            {
                Down(place);
            }
            return;
        }
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
        _heap[Count] = (at, number);
        _places.Set(number, Count);
        Up(Count++);
    }

    /// <summary>Takes case <paramref name="number"/> out; false when it was not filed.</summary>
    public bool Remove(long number)
    {
        if (!_places.Remove(number, out var place))
        {
            return false;
        }
        var last = --Count;
        if (place != last)
        {
            var moved = _heap[last];
            _heap[place] = moved;
            _places.Set(moved.Number, place);
            if (place > 0 && Before(moved, _heap[(place - 1) / 2]))
            {
                Up(place);
            }
            else
            {
                Down(place);
            }
        }
        _heap[last] = default;
        return true;
    }

    /// <summary>The cases whose next check is at or before <paramref name="at"/>, by check then number.</summary>
    public List<(DateTimeOffset At, long Number)> DueBy(DateTimeOffset at)
    {
        var due = new List<(DateTimeOffset At, long Number)>();
        if (Count == 0 || _heap[0].At > at)
        {
            return due;
        }
        // A place's children are checked no earlier than it, so only the due and their children are looked at.
        var look = new Stack<int>();
        look.Push(0);
        while (look.TryPop(out var i))
        {
            if (_heap[i].At > at)
            {
                continue;
            }
            due.Add(_heap[i]);
            if (2 * i + 1 < Count)
            {
                look.Push(2 * i + 1);
            }
            if (2 * i + 2 < Count)
            {
                look.Push(2 * i + 2);
            }
        }
        due.Sort();
        return due;
    }

    private static bool Before((DateTimeOffset At, long Number) a, (DateTimeOffset At, long Number) b) =>
        a.At < b.At || a.At == b.At && a.Number < b.Number;

    private void Up(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(item, _heap[parent]))
            {
                break;
            }
            _heap[i] = _heap[parent];
            _places.Set(_heap[i].Number, i);
            i = parent;
        }
        _heap[i] = item;
        _places.Set(item.Number, i);
    }

    private void Down(int i)
    {
        var item = _heap[i];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }
            if (!Before(_heap[child], item))
            {
                break;
            }
            _heap[i] = _heap[child];
            _places.Set(_heap[i].Number, i);
            i = child;
        }
        _heap[i] = item;
        _places.Set(item.Number, i);
    }

    private interface IPlaces
    {
        bool TryGet(long number, out int place);

        void Set(long number, int place);

        bool Remove(long number, out int place);
    }

    private sealed class SlotPlaces : IPlaces
    {
        private readonly CaseSlots<int> _slots = new();

        public bool TryGet(long number, out int place) => _slots.TryGetValue(number, out place);

        public void Set(long number, int place) => _slots[number] = place;

        public bool Remove(long number, out int place) => _slots.Remove(number, out place);
    }

    private sealed class DictionaryPlaces : IPlaces
    {
        private readonly Dictionary<long, int> _places = [];

        public bool TryGet(long number, out int place) => _places.TryGetValue(number, out place);

        public void Set(long number, int place) => _places[number] = place;

        public bool Remove(long number, out int place) => _places.Remove(number, out place);
    }
}
