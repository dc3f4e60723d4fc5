print(chr(65), chr(97), chr(48), chr(8364), chr(0x4e2d))
print(ord('A'), ord('z'), ord(' '), ord('€'), ord('\n'))
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
print([ord(c) - ord('a') for c in 'abcz'])
