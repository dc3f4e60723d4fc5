# leading comment

x = 1  # trailing comment


def f():
    # comment in body

    return x  # return


print(f())  # done
# final comment
