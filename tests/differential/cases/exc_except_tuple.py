for bad in [lambda: 1 / 0, lambda: [][1], lambda: {}['x'], lambda: int('q'), lambda: None + 1]:
    try:
        bad()
    except (ZeroDivisionError, IndexError) as e:
        print('group A', type(e).__name__, e)
    except (KeyError, ValueError) as e:
        print('group B', type(e).__name__, e)
    except Exception as e:
        print('other', type(e).__name__, e)
