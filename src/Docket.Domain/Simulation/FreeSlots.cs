namespace Docket.Domain.Simulation;

/// <summary>Places in one of the court's arrays given back for reuse (a done case's, a finished job's), taken last in first out.</summary>
internal sealed class FreeSlots
{
    private int[] _slots = new int[64];
    private int _count;

    public void Give(int slot)
    {
        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }
        _slots[_count++] = slot;
    }

    public bool TryTake(out int slot)
    {
        if (_count == 0)
        {
            slot = -1;
            return false;
        }
        slot = _slots[--_count];
        return true;
    }
}
