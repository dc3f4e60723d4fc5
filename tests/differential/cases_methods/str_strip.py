s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixyx'.strip('xy')), repr('xxhixyx'.lstrip('x')), repr('xxhixyx'.rstrip('yx')))
print(repr('www.example.com'.strip('cmowz.')), repr(''.strip()), repr('   '.strip()), repr('abc'.strip('')))
print(repr('\u3000 hi \xa0'.strip()), repr('ééaéé'.strip('é')), repr('a'.strip(None)))
