s = 'Ünïcödé Strîng'
print(s.lower())
print(s.title())
print(s.swapcase())
print(s.find('ö'))
print(s.split('ï'))
print('ǅ'.lower(), 'ǆ'.upper())
print('αβγ'.upper(), 'ΑΒΓ'.lower())
print('½'.isdigit(), '½'.isnumeric(), '²'.isdigit(), '٣'.isdecimal())
